package dev.billforge.docrouter.extraction;

import java.util.Map;

import dev.billforge.docrouter.pricing.TokenUsage;

/**
 * An extractor's answer: the fields (JSON-shaped: strings, numbers, lists, maps), the
 * model that produced them ({@code null} offline) and the tokens it used.
 */
public record Extraction(Map<String, Object> fields, String model, TokenUsage usage) {
}
