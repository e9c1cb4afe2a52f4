package dev.cordon.routing;

/** What a model alias is for. */
public enum ModelType { CHAT, EMBEDDING }
