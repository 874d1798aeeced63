package dev.billforge.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile values every endpoint of the abuse suites must refuse quickly, with a clear
 * 4xx and nothing written. One place: a new kind of hostile input joins every endpoint by
 * being added here. Values are raw JSON fragments (for JSON fields) or plain text (for
 * form and query parameters).
 */
public final class AbuseCorpus {

	/**
	 * What the 36-significant-digit usage event of issue 10 looked like (Decimal128 holds
	 * 34).
	 */
	public static final String DIGITS_36 = "1.00000000000000000000000000000000001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AbuseCorpus() {
	}

	/** Replacements for a numeric JSON field. */
	public static Map<String, String> numberValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("exponent 1e100000", "1e100000");
		values.put("exponent 1e100000 as string", "\"1e100000\"");
		values.put("exponent -1e-100000", "-1e-100000");
		values.put("tiny 1e-400", "1e-400");
		values.put("5,000 digits", "9".repeat(5_000));
		values.put("5,000 digits as string", "\"" + "9".repeat(5_000) + "\"");
		values.put("5,000 digits with trailing zeros as string", "\"1" + "0".repeat(5_000) + "\"");
		values.put("30,000 digits", "1" + "0".repeat(30_000));
		values.put("30,000 digits as string", "\"1" + "0".repeat(30_000) + "\"");
		values.put("36 significant digits", DIGITS_36);
		values.put("36 significant digits as string", "\"" + DIGITS_36 + "\"");
		values.put("NaN as string", "\"NaN\"");
		values.put("Infinity as string", "\"Infinity\"");
		values.put("-Infinity as string", "\"-Infinity\"");
		values.put("NaN token", "NaN");
		values.put("control characters", "\"1\\u0000\\u0007\"");
		values.put("wrong type: object", "{}");
		values.put("wrong type: array", "[1]");
		values.put("wrong type: boolean", "true");
		values.put("wrong type: word", "\"ten\"");
		return values;
	}

	/** Replacements for a text JSON field. */
	public static Map<String, String> stringValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("100,000 characters", "\"" + "a".repeat(100_000) + "\"");
		values.put("x@, 60,000 dots and @", "\"x@" + ".".repeat(60_000) + "@\"");
		values.put("control characters", "\"a\\u0000\\u0007\\u001bb\"");
		values.put("wrong type: object", "{\"a\":1}");
		values.put("wrong type: array", "[\"a\"]");
		return values;
	}

	/** Replacements for a numeric form field or query parameter (sent URL-encoded). */
	public static Map<String, String> numberParams(int maxLength) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("long digits", "9".repeat(maxLength));
		values.put("exponent 1e100000", "1e100000");
		values.put("36 significant digits", DIGITS_36);
		values.put("NaN", "NaN");
		values.put("Infinity", "Infinity");
		values.put("control characters", "1\u0000\u0007");
		values.put("word", "ten");
		return values;
	}

	/** Replacements for a text form field or query parameter (sent URL-encoded). */
	public static Map<String, String> textParams(int maxLength) {
		Map<String, String> values = new LinkedHashMap<>();
		// backtracks quadratically in a naive email pattern: 60,000 dots kept a thread
		// busy 13-19 s
		values.put("x@, dots and @", "x@" + ".".repeat(Math.max(0, maxLength - 3)) + "@");
		values.put("long text", "a".repeat(maxLength));
		values.put("control characters", "a\u0000\u0007\u001bb");
		return values;
	}

	/** Replacements for an id in a URL path (already percent-encoded where needed). */
	public static Map<String, String> pathValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("100,000 characters", "a".repeat(100_000));
		values.put("5,000 characters", "a".repeat(5_000));
		values.put("control characters with NUL", "a%00%07%1Bb");
		values.put("control characters", "a%07%1B%0Ab");
		values.put("x@, 3,000 dots and @", "x@" + ".".repeat(3_000) + "@");
		return values;
	}

	/**
	 * Whole bodies that are hostile whatever the endpoint; {@code valid} is the
	 * endpoint's normal body.
	 */
	public static Map<String, byte[]> jsonBodies(String valid, long oversize) {
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		bodies.put("nesting 100,000 deep", utf8("[".repeat(100_000) + "]".repeat(100_000)));
		bodies.put("object nesting 5,000 deep", utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
		bodies.put("invalid UTF-8", invalidUtf8(valid));
		bodies.put("duplicate keys", utf8(withDuplicateKey(valid)));
		bodies.put("oversize", utf8("{\"pad\":\"" + "a".repeat((int) oversize + 1) + "\"}"));
		bodies.put("not JSON", utf8("<xml>not json</xml>"));
		bodies.put("truncated", utf8(valid.substring(0, valid.length() / 2)));
		bodies.put("wrong type: array at top", utf8("[" + valid + "]"));
		return bodies;
	}

	/**
	 * {@code body} with {@code field} (a path like {@code events/0/quantity}) replaced by
	 * the raw JSON {@code fragment}.
	 */
	public static String withField(String body, String field, String fragment) {
		JsonNode tree = JSON.readTree(body);
		String[] steps = field.split("/");
		JsonNode parent = tree;
		for (int i = 0; i < steps.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
		}
		String marker = "__HOSTILE_VALUE__";
		String last = steps[steps.length - 1];
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), marker);
		}
		else {
			((ObjectNode) parent).put(last, marker);
		}
		return JSON.writeValueAsString(tree).replace("\"" + marker + "\"", fragment);
	}

	/**
	 * The body with its first key given twice: the first time with its own value, then
	 * again.
	 */
	static String withDuplicateKey(String valid) {
		JsonNode tree = JSON.readTree(valid);
		String first = tree.propertyNames().iterator().next();
		return "{\"" + first + "\":" + JSON.writeValueAsString(tree.get(first)) + "," + valid.strip().substring(1);
	}

	private static byte[] invalidUtf8(String valid) {
		byte[] body = utf8(valid.replaceFirst(":\"", ":\"\u0001\u0001"));
		// overwrite the two marker bytes with a lone continuation byte and an invalid
		// lead byte
		for (int i = 0; i < body.length - 1; i++) {
			if (body[i] == 1 && body[i + 1] == 1) {
				body[i] = (byte) 0x80;
				body[i + 1] = (byte) 0xFF;
				return body;
			}
		}
		// no text field to spoil: a body of its own with an invalid two-byte sequence
		return concat(utf8("{\"a\":\""), new byte[] { (byte) 0xC3, (byte) 0x28 }, utf8("\"}"));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Text a response to hostile input must never contain: signs of a stack trace or
	 * internals.
	 */
	public static final List<String> LEAKS = List.of("Exception", "\tat ", "at dev.billforge", "at java.", "at org.",
			"Caused by", "StackTrace", "trace\"");

}
