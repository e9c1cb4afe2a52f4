package dev.cordon.openai;

/** The request body as received, before validation; held only until the validate stage parses it. */
record RawBody(byte[] bytes) {}
