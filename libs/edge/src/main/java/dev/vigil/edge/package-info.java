/** Code shared by the ingestion edges: project key lookup, per-key rate limits, body decoding. */
package dev.vigil.edge;
