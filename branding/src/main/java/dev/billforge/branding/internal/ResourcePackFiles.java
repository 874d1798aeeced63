package dev.billforge.branding.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * A brand pack at a Spring resource location such as {@code classpath:brand/} (also
 * inside a jar).
 */
public final class ResourcePackFiles implements PackFiles {

	private static final List<String> PROBED_NAMES = probedNames();

	private final ResourcePatternResolver resolver;

	private final String location;

	public ResourcePackFiles(ResourcePatternResolver resolver, String location) {
		this.resolver = resolver;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	@Override
	public String description() {
		return location;
	}

	@Override
	public Optional<PackFile> find(String name) {
		Resource resource = resolver.getResource(location + name);
		if (!resource.exists() || !resource.isReadable()) {
			return Optional.empty();
		}
		return Optional.of(new PackFile() {
			@Override
			public long size() throws IOException {
				return resource.contentLength();
			}

			@Override
			public byte[] read() throws IOException {
				try (InputStream in = resource.getInputStream()) {
					return in.readAllBytes();
				}
			}
		});
	}

	/**
	 * Lists the location, and also probes the names a pack may hold: listing a folder
	 * inside a jar needs directory entries, which some jar tools leave out, and message
	 * files must not be lost then.
	 */
	@Override
	public List<String> fileNames() throws IOException {
		Set<String> names = new TreeSet<>();
		try {
			for (Resource resource : resolver.getResources(location + "*")) {
				String name = resource.getFilename();
				if (name != null && !name.isEmpty() && resource.isReadable()) {
					names.add(name);
				}
			}
		}
		catch (FileNotFoundException e) {
			// no listable folder: probing below still finds the files
		}
		for (String name : PROBED_NAMES) {
			if (!names.contains(name) && find(name).isPresent()) {
				names.add(name);
			}
		}
		return new ArrayList<>(names);
	}

	private static List<String> probedNames() {
		Set<String> names = new LinkedHashSet<>(
				List.of("brand.yml", "logo.svg", "favicon.svg", "favicon.png", "favicon.ico", "messages.properties"));
		for (Locale locale : Locale.getAvailableLocales()) {
			String language = locale.getLanguage();
			if (language.isEmpty()) {
				continue;
			}
			names.add("messages_" + language + ".properties");
			if (!locale.getCountry().isEmpty()) {
				names.add("messages_" + language + "_" + locale.getCountry() + ".properties");
			}
		}
		return List.copyOf(names);
	}

}
