package dev.vigil.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment `./vigil up` gives each service, read from deploy/local/lib/services.sh (stack_env and
 * svc_env) and deploy/local/services.conf, so that the chart's variable names are checked against the real
 * scripts rather than a copy of them.
 */
final class LocalStack {

  private static final Pattern ASSIGNMENT = Pattern.compile("\"([A-Z][A-Z0-9_]*)=");
  private static final Pattern PORT_VAR_ASSIGNMENT = Pattern.compile("\"\\$\\{SVC_PORT_VAR\\[\\$name]}=");
  private static final Pattern IF_NAME = Pattern.compile("if \\[ \"\\$name\" = ([a-z-]+) ]");
  private static final Pattern CASE_NAME = Pattern.compile("case \"\\$name\" in ([a-z| -]+)\\)");

  private LocalStack() {}

  /** Service name -> the variables ./vigil up starts it with. */
  static Map<String, Set<String>> environment() {
    Map<String, String> portVars = portVariables();
    String script = Repository.read(Repository.LOCAL_STACK.resolve("lib/services.sh"));
    Set<String> shared = names(function(script, "stack_env"));
    if (shared.isEmpty()) {
      throw new AssertionError("no variables found in stack_env of services.sh");
    }
    Map<String, Set<String>> env = new LinkedHashMap<>();
    portVars.keySet().forEach(s -> env.put(s, new TreeSet<>(shared)));
    Set<String> scope = portVars.keySet();
    for (String line : function(script, "svc_env")) {
      String code = line.strip();
      if (code.startsWith("#")) {
        continue;
      }
      Matcher ifName = IF_NAME.matcher(code);
      Matcher caseName = CASE_NAME.matcher(code);
      if (ifName.find()) {
        scope = Set.of(ifName.group(1));
      } else if (caseName.find()) {
        scope = new LinkedHashSet<>(List.of(caseName.group(1).replace(" ", "").split("\\|")));
      }
      if (ASSIGNMENT.matcher(code).find() || PORT_VAR_ASSIGNMENT.matcher(code).find()) {
        for (String service : scope) {
          env.get(service).addAll(names(List.of(code)));
          if (PORT_VAR_ASSIGNMENT.matcher(code).find()) {
            env.get(service).add(portVars.get(service));
          }
        }
      }
      if (code.equals("fi") || code.contains(";;")) {
        scope = portVars.keySet();
      }
    }
    return env;
  }

  /** Service name -> the variable its port is passed in (services.conf). */
  static Map<String, String> portVariables() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Repository.read(Repository.LOCAL_STACK.resolve("services.conf")).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      vars.put(fields[0], fields[2]);
    }
    return vars;
  }

  private static List<String> function(String script, String name) {
    int start = script.indexOf("\n" + name + "() {");
    if (start < 0) {
      throw new AssertionError("services.sh has no function " + name);
    }
    int end = script.indexOf("\n}", start);
    return new ArrayList<>(List.of(script.substring(start, end).split("\n")));
  }

  private static Set<String> names(List<String> lines) {
    Set<String> names = new TreeSet<>();
    for (String line : lines) {
      Matcher m = ASSIGNMENT.matcher(line);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
