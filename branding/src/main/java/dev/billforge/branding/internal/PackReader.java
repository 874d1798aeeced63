package dev.billforge.branding.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.billforge.branding.Brand;
import dev.billforge.branding.BrandProblem;
import dev.billforge.branding.BrandValues;
import dev.billforge.branding.Favicon;

/**
 * Reads a whole pack, collecting every problem; yields a {@link Brand} only when there
 * are none.
 */
public final class PackReader {

	public static final String BRAND_YML = "brand.yml";

	public static final String LOGO = "logo.svg";

	public static final long MAX_LOGO_BYTES = 100 * 1024;

	public static final long MAX_FAVICON_BYTES = 100 * 1024;
	static final long MAX_BRAND_YML_BYTES = 64 * 1024;
	static final long MAX_MESSAGES_BYTES = 256 * 1024;

	/** favicon file name and its media type, in the order they are looked for. */
	static final Map<String, String> FAVICONS = orderedFavicons();

	private static final Pattern MESSAGES = Pattern
		.compile("messages(?:_([a-z]{2,3})(?:_([A-Z]{2}|[0-9]{3}))?)?\\.properties");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] ICO_SIGNATURE = { 0, 0, 1, 0 };

	/** The outcome: a brand when {@code problems} is empty. */
	public record Result(Optional<Brand> brand, List<BrandProblem> problems) {
	}

	private PackReader() {
	}

	private static Map<String, String> orderedFavicons() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("favicon.svg", "image/svg+xml");
		map.put("favicon.png", "image/png");
		map.put("favicon.ico", "image/x-icon");
		return Map.copyOf(map);
	}

	/** True when {@code files} looks like a pack at all (has brand.yml or logo.svg). */
	public static boolean looksLikePack(PackFiles files) throws IOException {
		return files.find(BRAND_YML).isPresent() || files.find(LOGO).isPresent();
	}

	public static Result read(PackFiles files) {
		Problems problems = new Problems();
		try {
			checkFileNames(files.fileNames(), problems);
			Optional<BrandValues> values = readBytes(files, BRAND_YML, MAX_BRAND_YML_BYTES, problems)
				.flatMap(bytes -> BrandYamlParser.parse(bytes, problems));
			Optional<String> logo = readBytes(files, LOGO, MAX_LOGO_BYTES, problems)
				.flatMap(bytes -> SvgChecker.check(LOGO, bytes, problems));
			Optional<Favicon> favicon = favicon(files, problems);
			Map<Locale, Map<String, String>> messages = messages(files, problems);
			if (!problems.isEmpty() || values.isEmpty() || logo.isEmpty() || favicon.isEmpty()) {
				return new Result(Optional.empty(), problems.toList());
			}
			Brand brand = new Brand(values.get(), logo.get(), favicon.get(), CssRenderer.render(values.get()), messages,
					files.description());
			return new Result(Optional.of(brand), List.of());
		}
		catch (IOException e) {
			problems.add("(pack)", "", "could not be read from " + files.description() + ": " + e);
			return new Result(Optional.empty(), problems.toList());
		}
	}

	private static void checkFileNames(List<String> names, Problems problems) {
		for (String name : names) {
			if (name.startsWith(".") || name.toUpperCase(Locale.ROOT).startsWith("README") || name.equals(BRAND_YML)
					|| name.equals(LOGO) || FAVICONS.containsKey(name) || MESSAGES.matcher(name).matches()) {
				continue;
			}
			String hint = name.equals("brand.yaml") ? "rename it to brand.yml"
					: name.startsWith("messages") ? "message files are named messages.properties or "
							+ "messages_<language>[_<COUNTRY>].properties, e.g. messages_de.properties or messages_pt_BR.properties"
							: "a pack holds brand.yml, logo.svg, one favicon.svg|png|ico and messages*.properties";
			problems.add(name, "", "unknown file in the brand pack (" + hint + ")");
		}
	}

	private static Optional<byte[]> readBytes(PackFiles files, String name, long max, Problems problems)
			throws IOException {
		Optional<PackFiles.PackFile> file = files.find(name);
		if (file.isEmpty()) {
			problems.add(name, "", "is missing from the brand pack");
			return Optional.empty();
		}
		long size = file.get().size();
		if (size > max) {
			problems.add(name, "", "is " + kib(size) + ", above the limit of " + kib(max));
			return Optional.empty();
		}
		return Optional.of(file.get().read());
	}

	private static String kib(long bytes) {
		return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
	}

	private static Optional<Favicon> favicon(PackFiles files, Problems problems) throws IOException {
		List<String> present = new ArrayList<>();
		for (String name : List.of("favicon.svg", "favicon.png", "favicon.ico")) {
			if (files.find(name).isPresent()) {
				present.add(name);
			}
		}
		if (present.isEmpty()) {
			problems.add("favicon", "", "is missing from the brand pack (add favicon.svg, favicon.png or favicon.ico)");
			return Optional.empty();
		}
		if (present.size() > 1) {
			problems.add("favicon", "", "found " + String.join(" and ", present) + "; keep exactly one");
			return Optional.empty();
		}
		String name = present.get(0);
		Optional<byte[]> bytes = readBytes(files, name, MAX_FAVICON_BYTES, problems);
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		boolean ok = switch (name) {
			case "favicon.svg" -> SvgChecker.check(name, bytes.get(), problems).isPresent();
			case "favicon.png" -> startsWith(bytes.get(), PNG_SIGNATURE, name, "PNG", problems);
			default -> startsWith(bytes.get(), ICO_SIGNATURE, name, "ICO", problems);
		};
		return ok ? Optional.of(new Favicon(bytes.get(), FAVICONS.get(name), name)) : Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] signature, String name, String format, Problems problems) {
		boolean matches = bytes.length >= signature.length;
		for (int i = 0; matches && i < signature.length; i++) {
			matches = bytes[i] == signature[i];
		}
		if (!matches) {
			problems.add(name, "",
					"is not a " + format + " file (its content does not start with the " + format + " signature)");
		}
		return matches;
	}

	private static Map<Locale, Map<String, String>> messages(PackFiles files, Problems problems) throws IOException {
		Map<Locale, Map<String, String>> result = new LinkedHashMap<>();
		for (String name : files.fileNames()) {
			Matcher m = MESSAGES.matcher(name);
			if (!m.matches()) {
				continue;
			}
			Locale locale = m.group(1) == null ? Locale.ROOT
					: m.group(2) == null ? new Locale(m.group(1)) : new Locale(m.group(1), m.group(2));
			Optional<byte[]> bytes = readBytes(files, name, MAX_MESSAGES_BYTES, problems);
			if (bytes.isEmpty()) {
				continue;
			}
			try {
				String text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes.get()))
					.toString();
				Properties properties = new Properties();
				properties.load(new StringReader(text));
				Map<String, String> messages = new LinkedHashMap<>();
				properties.stringPropertyNames()
					.stream()
					.sorted()
					.forEach(key -> messages.put(key, properties.getProperty(key)));
				result.put(locale, messages);
			}
			catch (CharacterCodingException e) {
				problems.add(name, "", "is not valid UTF-8 text (save it as UTF-8)");
			}
			catch (IllegalArgumentException e) {
				problems.add(name, "", "is not a valid properties file: " + e.getMessage());
			}
		}
		return result;
	}

}
