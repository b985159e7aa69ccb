import { authHeaderName, authHeaderValue, type SetupValues } from '../setup';
import type { Snippet } from './types';

const q = JSON.stringify;

/** Go: sentry-go; the OpenTelemetry SDK's OTLP/HTTP trace exporter. */
export function go(v: SetupValues): Snippet[] {
  return [
    {
      id: 'go-sentry',
      label: 'sentry-go',
      install: 'go get github.com/getsentry/sentry-go',
      note: 'Errors and traces. Initialize the SDK first thing in main:',
      files: [
        {
          name: 'main.go',
          code: `package main

import (
	"errors"
	"log"
	"time"

	"github.com/getsentry/sentry-go"
)

func main() {
	err := sentry.Init(sentry.ClientOptions{
		Dsn:              ${q(v.dsn)},
		EnableTracing:    true,
		TracesSampleRate: 1.0,
	})
	if err != nil {
		log.Fatalf("sentry.Init: %s", err)
	}
	// Send what is buffered before the program exits.
	defer sentry.Flush(2 * time.Second)

	sentry.CaptureException(errors.New("Vigil is set up"))
}
`,
        },
      ],
    },
    {
      id: 'go-otel',
      label: 'OpenTelemetry',
      install: 'go get go.opentelemetry.io/otel go.opentelemetry.io/otel/sdk go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp',
      note: 'Traces over OTLP/HTTP. Set up the tracer provider once, at startup:',
      files: [
        {
          name: 'main.go',
          code: `package main

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	exporter, err := otlptracehttp.New(ctx,
		otlptracehttp.WithEndpointURL(${q(`${v.otlpHttpUrl}/v1/traces`)}),
		otlptracehttp.WithHeaders(map[string]string{${q(authHeaderName(v))}: ${q(authHeaderValue(v))}}),
	)
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", ${q(v.serviceName)}))),
	)
	// Shutdown flushes the spans still in the batch.
	defer func() { _ = tp.Shutdown(ctx) }()
	otel.SetTracerProvider(tp)

	_, span := otel.Tracer("example").Start(ctx, "checkout")
	span.End()
}
`,
        },
      ],
    },
  ];
}
