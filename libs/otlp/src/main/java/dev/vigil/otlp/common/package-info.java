/** Helpers shared by the three signals: attributes, ids, resources, timestamps. */
package dev.vigil.otlp.common;
