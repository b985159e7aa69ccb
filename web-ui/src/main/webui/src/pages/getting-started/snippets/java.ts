import { otlpHeadersEnv, type SetupValues } from '../setup';
import { SENTRY_JAVA_VERSION, type Snippet } from './types';

const q = JSON.stringify;

/** Java: the Sentry SDK; the OpenTelemetry agent configured by environment variables. */
export function java(v: SetupValues): Snippet[] {
  return [
    {
      id: 'java-sentry',
      label: 'io.sentry:sentry',
      install: `implementation("io.sentry:sentry:${SENTRY_JAVA_VERSION}")`,
      note: 'Errors and traces. Add the dependency (Gradle, or Maven\'s pom.xml below) and initialize the SDK at startup:',
      files: [
        {
          name: 'pom.xml (Maven)',
          code: `<dependency>
  <groupId>io.sentry</groupId>
  <artifactId>sentry</artifactId>
  <version>${SENTRY_JAVA_VERSION}</version>
</dependency>
`,
        },
        {
          name: 'App.java',
          code: `import io.sentry.Sentry;

public class App {
  public static void main(String[] args) {
    Sentry.init(options -> {
      options.setDsn(${q(v.dsn)});
      // Trace every transaction (lower this in production).
      options.setTracesSampleRate(1.0);
    });

    try {
      throw new IllegalStateException("Vigil is set up");
    } catch (Exception e) {
      Sentry.captureException(e);
    }
  }
}
`,
        },
      ],
    },
    {
      id: 'java-otel',
      label: 'OpenTelemetry agent',
      note: 'The OpenTelemetry Java agent instruments common libraries without code changes and sends traces, metrics and logs:',
      files: [
        {
          name: 'shell',
          code: `curl -LO https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/latest/download/opentelemetry-javaagent.jar

export OTEL_SERVICE_NAME=${v.serviceName}
export OTEL_EXPORTER_OTLP_ENDPOINT=${v.otlpHttpUrl}
export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
export OTEL_EXPORTER_OTLP_HEADERS="${otlpHeadersEnv(v)}"

java -javaagent:opentelemetry-javaagent.jar -jar app.jar
`,
        },
      ],
    },
  ];
}
