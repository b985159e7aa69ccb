package dev.vigil.domain;

/** The user an event happened to; any field may be null. */
public record UserInfo(String id, String email, String username, String ipAddress) {

  public static final UserInfo NONE = new UserInfo(null, null, null, null);

  /** A stable key for counting distinct users (id, then email, username, IP), empty when unknown. */
  public String key() {
    if (id != null && !id.isBlank()) {
      return "id:" + id;
    }
    if (email != null && !email.isBlank()) {
      return "email:" + email;
    }
    if (username != null && !username.isBlank()) {
      return "username:" + username;
    }
    if (ipAddress != null && !ipAddress.isBlank()) {
      return "ip:" + ipAddress;
    }
    return "";
  }
}
