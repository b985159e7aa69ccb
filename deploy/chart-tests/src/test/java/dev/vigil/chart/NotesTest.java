package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NOTES.txt, as `helm install` prints it: where the UI is, how to log in, the DSN and the OTLP endpoints. */
class NotesTest {

  @Test
  void exposedInstallPrintsPublicUrlsDsnAndHowToReadTheSecrets() {
    String notes = ChartRenderer.chart()
        .set("hosts.ui", "vigil.example.com").set("hosts.ingest", "ingest.example.com").set("ingress.enabled", true)
        .installNotes();
    System.out.println(notes);

    assertThat(notes).contains("Web UI: https://vigil.example.com")
        .contains("https://<project key>@ingest.example.com/<project id>")
        .contains("OTLP/HTTP: https://ingest.example.com")
        .contains("OTLP/gRPC: http://vigil-otlp-receiver.observability.svc:4317")
        .contains("Authorization=Bearer%20<project key>")
        .contains("owner@vigil.local")
        .contains("kubectl -n observability get secret vigil-secrets -o jsonpath='{.data.owner-password}'")
        .contains("kubectl -n observability get secret vigil-secrets -o jsonpath='{.data.admin-token}'")
        .contains("kubectl -n observability get secret vigil-secrets -o jsonpath='{.data.project-key}'")
        .doesNotContain("port-forward svc/vigil-web-ui");
  }

  @Test
  void inClusterInstallPrintsThePortForwardAndInClusterEndpoints() {
    String notes = ChartRenderer.chart().installNotes();

    assertThat(notes).contains("Web UI: http://localhost:8080")
        .contains("kubectl -n observability port-forward svc/vigil-web-ui 8080:8080")
        .contains("http://<project key>@vigil-ingest-gateway.observability.svc:8010/<project id>")
        .contains("OTLP/HTTP: http://vigil-otlp-receiver.observability.svc:4318");
  }
}
