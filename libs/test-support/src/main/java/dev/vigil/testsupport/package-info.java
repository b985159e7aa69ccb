/** placeholder */ package dev.vigil.testsupport;
