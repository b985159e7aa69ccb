/** Code shared by the ingestion edges: project key lookup and per-key rate limits. */
package dev.vigil.edge;
