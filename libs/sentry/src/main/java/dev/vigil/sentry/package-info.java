/** placeholder */ package dev.vigil.sentry;
