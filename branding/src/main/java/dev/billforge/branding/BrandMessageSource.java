package dev.billforge.branding;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;

/**
 * Decorates the app's {@link MessageSource} with a brand's message overrides. Lookup for
 * a locale such as {@code de_CH}: brand {@code messages_de_CH}, brand
 * {@code messages_de}, brand {@code messages} (root), and only then the parent (the app's
 * bundles). A key overridden in the root {@code messages.properties} therefore wins for
 * every language; override it per language where the text differs. Arguments and quoting
 * follow {@link MessageFormat} like Spring's {@code ResourceBundleMessageSource}
 * (apostrophes only need doubling in messages with arguments).
 */
public final class BrandMessageSource extends AbstractMessageSource {

	private final Map<Locale, Map<String, String>> overrides;

	public BrandMessageSource(Map<Locale, Map<String, String>> overrides, MessageSource parent) {
		this.overrides = Map.copyOf(overrides);
		setParentMessageSource(parent);
	}

	@Override
	protected String resolveCodeWithoutArguments(String code, Locale locale) {
		for (Locale candidate : candidates(locale)) {
			Map<String, String> messages = overrides.get(candidate);
			if (messages != null && messages.containsKey(code)) {
				return messages.get(code);
			}
		}
		return null;
	}

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		String message = resolveCodeWithoutArguments(code, locale);
		return message == null ? null : createMessageFormat(message, locale);
	}

	private static List<Locale> candidates(Locale locale) {
		List<Locale> result = new ArrayList<>(4);
		if (locale != null && !locale.getLanguage().isEmpty()) {
			if (!locale.getVariant().isEmpty()) {
				result.add(new Locale(locale.getLanguage(), locale.getCountry(), locale.getVariant()));
			}
			if (!locale.getCountry().isEmpty()) {
				result.add(new Locale(locale.getLanguage(), locale.getCountry()));
			}
			result.add(new Locale(locale.getLanguage()));
		}
		result.add(Locale.ROOT);
		return result;
	}

}
