package dev.billforge.branding.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import dev.billforge.branding.BrandValues;
import dev.billforge.branding.Colour;
import dev.billforge.branding.ColourScheme;
import dev.billforge.branding.Fonts;
import dev.billforge.branding.LegalLinks;
import dev.billforge.branding.Palette;

/**
 * Reads brand.yml into {@link BrandValues}, reporting every problem with its field path.
 */
public final class BrandYamlParser {

	static final String FILE = YamlObject.FILE;

	public static final List<String> ROOT_KEYS = List.of("name", "tagline", "palette", "fonts", "support-email",
			"email-sender-name", "legal");

	public static final List<String> PALETTE_KEYS = List.of("light", "dark");

	public static final List<String> SCHEME_KEYS = List.of("background", "surface", "text", "muted-text", "border",
			"primary", "on-primary", "accent");

	public static final List<String> FONT_KEYS = List.of("body", "heading", "mono");

	public static final List<String> LEGAL_KEYS = List.of("terms", "privacy");

	public static final String DEFAULT_MONO_STACK = "ui-monospace, SFMono-Regular, Menlo, Consolas, \"Liberation Mono\", monospace";

	static final int MAX_NAME = 60;
	static final int MAX_TAGLINE = 140;
	static final int MAX_SENDER = 78;
	static final int MAX_FONT_STACK = 200;

	private static final Pattern FONT_STACK = Pattern.compile("[\\p{L}\\p{N} ,'\"._-]+");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final String COLOUR_NULL_HINT = " (quote colours, e.g. primary: \"#0F766E\" — an unquoted # starts a YAML comment)";

	private BrandYamlParser() {
	}

	/** The values, or empty when any problem was added. */
	public static Optional<BrandValues> parse(byte[] bytes, Problems problems) {
		int before = problems.size();
		Optional<Object> document = load(bytes, problems);
		if (document.isEmpty()) {
			return Optional.empty();
		}
		Optional<YamlObject> root = YamlObject.of("", document.get(), ROOT_KEYS, problems);
		if (root.isEmpty()) {
			return Optional.empty();
		}
		YamlObject r = root.get();
		Optional<String> name = boundedText(r, "name", true, MAX_NAME, problems);
		Optional<String> tagline = boundedText(r, "tagline", false, MAX_TAGLINE, problems);
		Optional<Palette> palette = palette(r, problems);
		Optional<Fonts> fonts = fonts(r, problems);
		Optional<String> supportEmail = email(r, "support-email", problems);
		Optional<String> sender = boundedText(r, "email-sender-name", true, MAX_SENDER, problems);
		Optional<LegalLinks> legal = legal(r, problems);
		if (problems.size() > before || name.isEmpty() || palette.isEmpty() || fonts.isEmpty() || supportEmail.isEmpty()
				|| sender.isEmpty() || legal.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new BrandValues(name.get(), tagline.orElse(""), palette.get(), fonts.get(),
				supportEmail.get(), sender.get(), legal.get()));
	}

	private static Optional<Object> load(byte[] bytes, Problems problems) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			problems.add(FILE, "", "is not valid UTF-8 text");
			return Optional.empty();
		}
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(20);
		try {
			Object document = new Yaml(new SafeConstructor(options)).load(text);
			if (document == null) {
				problems.add(FILE, "", "is empty; it needs at least " + String.join(", ", ROOT_KEYS));
				return Optional.empty();
			}
			return Optional.of(document);
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark();
			String where = mark == null ? ""
					: " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
			String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
			if (e.getContext() != null) {
				what = e.getContext() + ": " + what;
			}
			problems.add(FILE, "", "is not valid YAML" + where + ": " + what);
		}
		catch (YAMLException e) {
			problems.add(FILE, "", "is not valid YAML: " + e.getMessage());
		}
		return Optional.empty();
	}

	private static Optional<String> boundedText(YamlObject o, String key, boolean required, int max,
			Problems problems) {
		Optional<String> text = o.text(key, required, "");
		if (text.isEmpty()) {
			return text;
		}
		String value = text.get();
		if (value.codePoints().anyMatch(Character::isISOControl)) {
			problems.add(FILE, o.field(key), "must be a single line without control characters");
			return Optional.empty();
		}
		if (value.codePointCount(0, value.length()) > max) {
			problems.add(FILE, o.field(key), "is longer than " + max + " characters");
			return Optional.empty();
		}
		return text;
	}

	private static Optional<Palette> palette(YamlObject root, Problems problems) {
		Optional<YamlObject> palette = root.object("palette", PALETTE_KEYS);
		if (palette.isEmpty()) {
			return Optional.empty();
		}
		Optional<ColourScheme> light = scheme(palette.get(), "light", problems);
		Optional<ColourScheme> dark = scheme(palette.get(), "dark", problems);
		if (light.isEmpty() || dark.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Palette(light.get(), dark.get()));
	}

	private static Optional<ColourScheme> scheme(YamlObject palette, String mode, Problems problems) {
		Optional<YamlObject> scheme = palette.object(mode, SCHEME_KEYS);
		if (scheme.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Colour> colours = new LinkedHashMap<>();
		for (String key : SCHEME_KEYS) {
			scheme.get().text(key, true, COLOUR_NULL_HINT).ifPresent(text -> {
				Optional<Colour> colour = Colour.tryParse(text);
				if (colour.isPresent()) {
					colours.put(key, colour.get());
				}
				else {
					problems.add(FILE, scheme.get().field(key),
							"\"" + text + "\" is not a colour (#RRGGBB or #RGB expected)");
				}
			});
		}
		ContrastRules.check(scheme.get().path(), colours, problems);
		if (colours.size() != SCHEME_KEYS.size()) {
			return Optional.empty();
		}
		return Optional.of(new ColourScheme(colours.get("background"), colours.get("surface"), colours.get("text"),
				colours.get("muted-text"), colours.get("border"), colours.get("primary"), colours.get("on-primary"),
				colours.get("accent")));
	}

	private static Optional<Fonts> fonts(YamlObject root, Problems problems) {
		Optional<YamlObject> fonts = root.object("fonts", FONT_KEYS);
		if (fonts.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> body = fontStack(fonts.get(), "body", true, problems);
		Optional<String> heading = fontStack(fonts.get(), "heading", false, problems);
		Optional<String> mono = fontStack(fonts.get(), "mono", false, problems);
		if (body.isEmpty() || (fonts.get().has("heading") && heading.isEmpty())
				|| (fonts.get().has("mono") && mono.isEmpty())) {
			return Optional.empty();
		}
		return Optional.of(new Fonts(body.get(), heading.orElse(body.get()), mono.orElse(DEFAULT_MONO_STACK)));
	}

	private static Optional<String> fontStack(YamlObject fonts, String key, boolean required, Problems problems) {
		Optional<String> text = fonts.text(key, required, "");
		if (text.isEmpty()) {
			return text;
		}
		String stack = text.get();
		if (stack.length() > MAX_FONT_STACK) {
			problems.add(FILE, fonts.field(key), "is longer than " + MAX_FONT_STACK + " characters");
			return Optional.empty();
		}
		if (!FONT_STACK.matcher(stack).matches()) {
			problems.add(FILE, fonts.field(key),
					"\"" + stack + "\" is not a font-family stack: use family names "
							+ "separated by commas (letters, digits, spaces, quotes, dots, hyphens); remote fonts "
							+ "(url(...), @import) are not supported");
			return Optional.empty();
		}
		if (countQuotes(stack, '"') % 2 != 0 || countQuotes(stack, '\'') % 2 != 0) {
			problems.add(FILE, fonts.field(key), "\"" + stack + "\" has an unclosed quote");
			return Optional.empty();
		}
		return text;
	}

	private static long countQuotes(String text, char quote) {
		return text.chars().filter(c -> c == quote).count();
	}

	private static Optional<String> email(YamlObject root, String key, Problems problems) {
		Optional<String> text = root.text(key, true, "");
		if (text.isEmpty()) {
			return text;
		}
		if (!isEmailAddress(text.get())) {
			problems.add(FILE, root.field(key),
					"\"" + text.get() + "\" is not an email address (name@domain.tld expected)");
			return Optional.empty();
		}
		return text;
	}

	/**
	 * A plain addr-spec such as {@code support@acme.example}: no display name, no
	 * IP-literal domain.
	 */
	public static boolean isEmailAddress(String text) {
		return text != null && text.length() <= 254 && EMAIL.matcher(text).matches() && text.indexOf('@') <= 64;
	}

	private static Optional<LegalLinks> legal(YamlObject root, Problems problems) {
		Optional<YamlObject> legal = root.object("legal", LEGAL_KEYS);
		if (legal.isEmpty()) {
			return Optional.empty();
		}
		Optional<URI> terms = httpsUrl(legal.get(), "terms", problems);
		Optional<URI> privacy = httpsUrl(legal.get(), "privacy", problems);
		if (terms.isEmpty() || privacy.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new LegalLinks(terms.get(), privacy.get()));
	}

	private static Optional<URI> httpsUrl(YamlObject legal, String key, Problems problems) {
		Optional<String> text = legal.text(key, true, "");
		if (text.isEmpty()) {
			return Optional.empty();
		}
		String field = legal.field(key);
		try {
			URI uri = new URI(text.get());
			if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
				problems.add(FILE, field, "\"" + text.get() + "\" must be an https:// URL");
				return Optional.empty();
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				problems.add(FILE, field, "\"" + text.get() + "\" must be an https:// URL with a host name");
				return Optional.empty();
			}
			return Optional.of(uri);
		}
		catch (URISyntaxException e) {
			problems.add(FILE, field, "\"" + text.get() + "\" is not a URL: " + e.getReason());
			return Optional.empty();
		}
	}

}
