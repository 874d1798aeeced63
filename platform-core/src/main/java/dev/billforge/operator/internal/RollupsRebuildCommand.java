package dev.billforge.operator.internal;

import java.io.PrintStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import dev.billforge.ledger.LedgerProjections;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * {@code java -jar <tenant>.jar rollups rebuild --org=<id>}: recomputes the org's usage
 * rollups (and its other read models) from its ledger, clears its parked projections,
 * prints what it did and exits 0, or prints why it failed and exits 1. Without these
 * arguments the app starts as usual.
 */
@Component
class RollupsRebuildCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RollupsRebuildCommand.class);

	private final LedgerProjections projections;

	private final Orgs orgs;

	private final ConfigurableApplicationContext context;

	RollupsRebuildCommand(LedgerProjections projections, Orgs orgs, ConfigurableApplicationContext context) {
		this.projections = projections;
		this.orgs = orgs;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.size() >= 2 && words.get(0).equals("rollups") && words.get(1).equals("rebuild")) {
			int code = rebuild(args.getSourceArgs(), System.out, System.err);
			System.exit(SpringApplication.exit(context, () -> code));
		}
	}

	/** Runs the command on its raw arguments; 0 done, 1 failed. */
	int rebuild(String[] args, PrintStream out, PrintStream err) {
		String org = orgArgument(args);
		if (org == null || !OrgId.isWellFormed(org) || orgs.find(new OrgId(org)).isEmpty()) {
			err.println("Usage: rollups rebuild --org=<org id> (an existing organisation)");
			return 1;
		}
		try {
			LedgerProjections.RebuildReport report = projections.rebuild(new OrgId(org));
			out.println("Rebuilt the read models of org " + org + " from " + report.commits() + " ledger commit(s); "
					+ report.resolvedParked() + " parked projection(s) resolved");
			return 0;
		}
		catch (RuntimeException ex) {
			log.error("Rollups rebuild of org {} failed", org, ex);
			err.println("Rollups rebuild of org " + org + " failed: " + ex.getMessage());
			return 1;
		}
	}

	/** {@code --org=<id>} or {@code --org <id>}. */
	private static String orgArgument(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--org=")) {
				return args[i].substring("--org=".length()).strip();
			}
			if (args[i].equals("--org") && i + 1 < args.length) {
				return args[i + 1].strip();
			}
		}
		return null;
	}

}
