package dev.billforge.branding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;

/**
 * A loaded and validated brand pack, ready to apply. Immutable. Exposed as the
 * {@code brand} bean by
 * {@link dev.billforge.branding.autoconfigure.BrandAutoConfiguration}; outside Spring use
 * {@link BrandPackLoader#load(java.nio.file.Path)}.
 */
public final class Brand {

	private final BrandValues values;

	private final String logoSvg;

	private final Favicon favicon;

	private final String css;

	private final Map<Locale, Map<String, String>> messageOverrides;

	private final String source;

	public Brand(BrandValues values, String logoSvg, Favicon favicon, String css,
			Map<Locale, Map<String, String>> messageOverrides, String source) {
		this.values = Objects.requireNonNull(values, "values");
		this.logoSvg = Objects.requireNonNull(logoSvg, "logoSvg");
		this.favicon = Objects.requireNonNull(favicon, "favicon");
		this.css = Objects.requireNonNull(css, "css");
		Map<Locale, Map<String, String>> copy = new LinkedHashMap<>();
		messageOverrides.forEach((locale, messages) -> copy.put(locale, Map.copyOf(messages)));
		this.messageOverrides = Map.copyOf(copy);
		this.source = Objects.requireNonNull(source, "source");
	}

	public BrandValues values() {
		return values;
	}

	/** Shortcut for {@code values().productName()}. */
	public String productName() {
		return values.productName();
	}

	public Palette palette() {
		return values.palette();
	}

	/**
	 * The logo as SVG markup that is safe to inline in HTML: validated (no scripts, event
	 * handlers or external references) and re-serialised without XML declaration,
	 * DOCTYPE, comments or processing instructions. Inline it unescaped (e.g. Thymeleaf
	 * {@code th:utext}).
	 */
	public String logoSvg() {
		return logoSvg;
	}

	public Favicon favicon() {
		return favicon;
	}

	/**
	 * A stylesheet of CSS custom properties ({@code --bf-primary} and friends) for light
	 * mode on {@code :root}, dark mode under {@code @media (prefers-color-scheme: dark)}
	 * (unless the page sets {@code data-theme="light"}) and under
	 * {@code [data-theme=dark]} for an explicit toggle.
	 */
	public String css() {
		return css;
	}

	/**
	 * The CSP source expression for {@link #css()} ({@code 'sha256-<base64>'}, quotes
	 * included), for a page that inlines the stylesheet in a {@code <style>} element
	 * under a strict Content-Security-Policy; also usable as an ETag.
	 */
	public String cssCspHash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
			return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	/**
	 * Message overrides per locale from {@code messages[_xx[_YY]].properties};
	 * {@link Locale#ROOT} holds {@code messages.properties}. Unmodifiable. To layer them
	 * over the app's bundles use {@link #messageSource(MessageSource)}.
	 */
	public Map<Locale, Map<String, String>> messageOverrides() {
		return messageOverrides;
	}

	/**
	 * A {@link MessageSource} that answers from this brand's overrides first and asks
	 * {@code parent} otherwise.
	 */
	public BrandMessageSource messageSource(MessageSource parent) {
		return new BrandMessageSource(messageOverrides, parent);
	}

	/**
	 * Where the pack was read from, e.g. {@code directory /srv/brand} or
	 * {@code classpath:brand/}.
	 */
	public String source() {
		return source;
	}

	@Override
	public String toString() {
		return "Brand[" + values.productName() + " from " + source + "]";
	}

}
