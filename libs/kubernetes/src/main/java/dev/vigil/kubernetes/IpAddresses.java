package dev.vigil.kubernetes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses in one spelling, so that a pod's {@code status.podIP} and a sender's address compare
 * equal however each side wrote them ({@code fd00::5} and {@code fd00:0:0:0:0:0:0:5},
 * {@code ::ffff:10.0.0.5} and {@code 10.0.0.5}, {@code [::1]}).
 */
final class IpAddresses {

  // Only literals reach InetAddress.getByName, which would resolve anything else through DNS. Text with a
  // colon is always parsed as an IPv6 literal there (never looked up).
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  private IpAddresses() {}

  /** The canonical text of an IPv4 or IPv6 literal, or null when {@code address} is not one. */
  static String canonical(String address) {
    if (address == null) {
      return null;
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (!(a.indexOf(':') >= 0 ? IPV6 : IPV4).matcher(a).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(a).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
