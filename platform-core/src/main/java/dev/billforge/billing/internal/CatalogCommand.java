package dev.billforge.billing.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dev.billforge.billing.BillingProperties;

/**
 * Catalog as code at startup. With {@code billforge.billing.catalog.push=true} (and
 * optionally {@code dry-run=true}) the app pushes (or diffs) the catalog file, prints the
 * changes and exits 0 (done) or 1 (failed). On the embedded default the file is pushed
 * into the emulator at every start.
 */
@Component
class CatalogCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogCommand.class);

	private final BillingProperties properties;

	private final ResourceLoader resources;

	private final CatalogPusher pusher;

	private final CatalogService catalog;

	private final StripeBackend backend;

	private final ConfigurableApplicationContext context;

	CatalogCommand(BillingProperties properties, ResourceLoader resources, CatalogPusher pusher, CatalogService catalog,
			StripeBackend backend, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.resources = resources;
		this.pusher = pusher;
		this.catalog = catalog;
		this.backend = backend;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		BillingProperties.Catalog settings = properties.getCatalog();
		if (settings.isPush()) {
			int code = pushCommand(settings.isDryRun());
			int exit = SpringApplication.exit(context, () -> code);
			System.exit(exit);
		}
		else if (backend.emulated() && settings.isPushToEmulatorOnStartup()) {
			load().ifPresent(file -> {
				try {
					List<CatalogPusher.Change> changes = pusher.push(file);
					if (!changes.isEmpty()) {
						catalog.invalidate();
						log.info("Catalog pushed into the Stripe emulator: {} change(s)", changes.size());
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException("cannot push the catalog into the Stripe emulator", ex);
				}
			});
		}
	}

	/**
	 * Pushes (or diffs) the catalog file; 0 on success, 1 on failure. Public for tests
	 * and tools.
	 */
	int pushCommand(boolean dryRun) {
		try {
			Optional<CatalogFile> file = load();
			if (file.isEmpty()) {
				System.out.println("No catalog file at " + properties.getCatalog().getLocation());
				return 1;
			}
			List<CatalogPusher.Change> changes = dryRun ? pusher.diff(file.get()) : pusher.push(file.get());
			System.out.println((dryRun ? "Catalog dry run" : "Catalog push") + ": "
					+ (changes.isEmpty() ? "nothing to change" : changes.size() + " change(s)"));
			changes.forEach(change -> System.out.println("  " + change));
			if (!dryRun && !changes.isEmpty()) {
				catalog.invalidate();
			}
			return 0;
		}
		catch (Exception ex) {
			System.err.println("Catalog push failed: " + ex.getMessage());
			log.error("Catalog push failed", ex);
			return 1;
		}
	}

	Optional<CatalogFile> load() {
		return CatalogFile.load(resources.getResource(properties.getCatalog().getLocation()));
	}

}
