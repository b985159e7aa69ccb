/** placeholder */ package dev.vigil.storage;
