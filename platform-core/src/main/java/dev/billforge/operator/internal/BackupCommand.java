package dev.billforge.operator.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import dev.billforge.common.ProductProperties;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerVerification;
import dev.billforge.orgs.OrgId;

/**
 * {@code java -jar <tenant>.jar backup export --file=<archive.zip>} writes the tenant's
 * billing data to a new archive; {@code backup import --file=<archive.zip>} loads one
 * into an empty database and then verifies every org's ledger (docs/backup.md). Prints
 * what it did and exits 0, or why it refused or failed and exits 1. Without these
 * arguments the app starts as usual.
 */
@Component
class BackupCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	private final TenantBackup backup;

	private final MongoTemplate mongo;

	private final CreditLedger ledger;

	private final ConfigurableApplicationContext context;

	BackupCommand(MongoTemplate mongo, ProductProperties product, CreditLedger ledger, Clock clock,
			ConfigurableApplicationContext context) {
		this.backup = new TenantBackup(mongo, product.getTag(), clock);
		this.mongo = mongo;
		this.ledger = ledger;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.size() >= 2 && words.get(0).equals("backup")) {
			int code = run(words.get(1), args.getSourceArgs(), System.out, System.err);
			System.exit(SpringApplication.exit(context, () -> code));
		}
	}

	/**
	 * Runs {@code backup export|import} on its raw arguments; 0 done, 1 refused or
	 * failed.
	 */
	int run(String action, String[] args, PrintStream out, PrintStream err) {
		Path file = fileArgument(args);
		if (file == null || !(action.equals("export") || action.equals("import"))) {
			err.println("Usage: backup export --file=<new archive.zip> | backup import --file=<archive.zip>");
			return 1;
		}
		try {
			return action.equals("export") ? export(file, out, err) : restore(file, out, err);
		}
		catch (TenantBackup.BackupRefused ex) {
			err.println("Backup " + action + " refused: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			log.error("Backup {} of {} failed", action, file, ex);
			err.println("Backup " + action + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private int export(Path file, PrintStream out, PrintStream err) {
		if (Files.exists(file)) {
			err.println("Backup export refused: " + file + " exists; name a new file");
			return 1;
		}
		List<TenantBackup.Part> parts = backup.export(file);
		out.println("Exported " + documents(parts) + " document(s) from " + parts.size() + " collection(s) to " + file
				+ " (format " + TenantBackup.FORMAT + " v" + TenantBackup.VERSION + ")");
		return 0;
	}

	private int restore(Path file, PrintStream out, PrintStream err) {
		if (!Files.isRegularFile(file)) {
			err.println("Backup import refused: no file " + file);
			return 1;
		}
		List<TenantBackup.Part> parts = backup.restore(file);
		out.println(
				"Imported " + documents(parts) + " document(s) into " + parts.size() + " collection(s) from " + file);
		List<String> inconsistent = new ArrayList<>();
		int orgs = 0;
		for (Document org : mongo.getCollection("orgs")
			.find()
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("_id"))) {
			orgs++;
			OrgId id = new OrgId(org.get("_id").toString());
			LedgerVerification verification = ledger.verify(id);
			if (!verification.consistent()) {
				inconsistent.add(id.value() + " " + verification.differences());
			}
		}
		if (!inconsistent.isEmpty()) {
			err.println(
					"Ledger verification failed after import for " + inconsistent.size() + " org(s): " + inconsistent);
			return 1;
		}
		out.println("Verified the ledger of " + orgs + " org(s): consistent");
		return 0;
	}

	private static long documents(List<TenantBackup.Part> parts) {
		return parts.stream().mapToLong(TenantBackup.Part::documents).sum();
	}

	/** {@code --file=<path>} or {@code --file <path>}. */
	private static Path fileArgument(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--file=") && args[i].length() > "--file=".length()) {
				return Path.of(args[i].substring("--file=".length()).strip());
			}
			if (args[i].equals("--file") && i + 1 < args.length) {
				return Path.of(args[i + 1].strip());
			}
		}
		return null;
	}

}
