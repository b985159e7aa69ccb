package dev.vigil.alerting.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** One Discord embed under construction, so its text can be cut to fit before it is written. */
final class DiscordEmbed {

  /** One name/value pair shown in the embed's grid. */
  static final class Field {
    String name;
    String value;
    final boolean inline;

    Field(String name, String value, boolean inline) {
      this.name = Text.truncate(orDash(name), DiscordMessage.FIELD_NAME_MAX);
      this.value = Text.truncate(orDash(value), DiscordMessage.FIELD_VALUE_MAX);
      this.inline = inline;
    }

    /** Discord rejects a field whose name or value is blank. */
    private static String orDash(String s) {
      return Text.isBlank(s) ? "—" : s;
    }
  }

  private String title;
  private final String url;
  private String description;
  private final int color;
  private final List<Field> fields = new ArrayList<>();
  private String footer;
  private final Instant timestamp;

  DiscordEmbed(String title, String url, String description, int color, String footer, Instant at) {
    this.title = Text.truncate(title, DiscordMessage.TITLE_MAX);
    this.url = url;
    this.description = Text.truncate(description, DiscordMessage.DESCRIPTION_MAX);
    this.color = color;
    this.footer = Text.truncate(footer, DiscordMessage.FOOTER_MAX);
    this.timestamp = at;
  }

  /** Adds fields in order, at most 25: when there are more, the last one says how many were left out. */
  void addFields(List<Field> candidates) {
    int room = DiscordMessage.FIELDS_MAX - fields.size();
    if (candidates.size() <= room) {
      fields.addAll(candidates);
      return;
    }
    fields.addAll(candidates.subList(0, room - 1));
    int hidden = candidates.size() - (room - 1);
    fields.add(new Field("…", hidden + " more not shown", false));
  }

  /** Characters Discord counts towards the 6000 shared by all embeds of a message. */
  int textLength() {
    int n = title.length() + description.length() + footer.length();
    for (Field f : fields) {
      n += f.name.length() + f.value.length();
    }
    return n;
  }

  /**
   * Cuts every text of all embeds to one common length so that together they fit {@code budget}:
   * short texts (titles, label values) stay whole and only the longest ones lose their end.
   */
  static void fitTogether(List<DiscordEmbed> embeds, int budget) {
    List<Integer> lengths = new ArrayList<>();
    embeds.forEach(e -> e.eachText(s -> {
      lengths.add(s.length());
      return s;
    }));
    int cap = Math.max(1, commonCap(lengths.stream().mapToInt(Integer::intValue).toArray(), budget));
    embeds.forEach(e -> e.eachText(s -> Text.truncate(s, cap)));
  }

  /** The largest L with sum(min(length, L)) ≤ budget, or MAX_VALUE when everything fits. */
  static int commonCap(int[] lengths, int budget) {
    int[] sorted = lengths.clone();
    Arrays.sort(sorted);
    int remaining = budget;
    for (int i = 0; i < sorted.length; i++) {
      int share = remaining / (sorted.length - i);
      if (sorted[i] > share) {
        return share;
      }
      remaining -= sorted[i];
    }
    return Integer.MAX_VALUE;
  }

  private void eachText(UnaryOperator<String> op) {
    title = op.apply(title);
    description = op.apply(description);
    footer = op.apply(footer);
    for (Field f : fields) {
      f.name = op.apply(f.name);
      f.value = op.apply(f.value);
    }
  }

  ObjectNode toJson() {
    ObjectNode embed = Json.object();
    if (!title.isEmpty()) {
      embed.put("title", title);
    }
    if (url != null) {
      embed.put("url", url);
    }
    if (!description.isEmpty()) {
      embed.put("description", description);
    }
    embed.put("color", color);
    if (!fields.isEmpty()) {
      ArrayNode array = embed.putArray("fields");
      for (Field f : fields) {
        array.addObject().put("name", f.name).put("value", f.value).put("inline", f.inline);
      }
    }
    if (!footer.isEmpty()) {
      embed.putObject("footer").put("text", footer);
    }
    if (timestamp != null) {
      embed.put("timestamp", timestamp.toString());
    }
    return embed;
  }
}
