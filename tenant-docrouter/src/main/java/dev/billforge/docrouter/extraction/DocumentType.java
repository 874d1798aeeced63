package dev.billforge.docrouter.extraction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of document DocRouter knows a prompt and schema for. */
public enum DocumentType {

	INVOICE, RECEIPT, CONTRACT, GENERIC;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DocumentType> parse(String code) {
		return Arrays.stream(values())
			.filter(t -> t.code().equalsIgnoreCase(code == null ? "" : code.strip()))
			.findFirst();
	}

	/** A guess from keywords, for uploads that do not say what they are. */
	public static DocumentType guess(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.contains("invoice") || lower.contains("rechnung")) {
			return INVOICE;
		}
		if (lower.contains("receipt") || lower.contains("thank you for your purchase")) {
			return RECEIPT;
		}
		if (lower.contains("agreement") || lower.contains("contract") || lower.contains("hereinafter")) {
			return CONTRACT;
		}
		return GENERIC;
	}

}
