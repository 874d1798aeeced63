package dev.billforge.accounts.internal;

import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import dev.billforge.accounts.OperatorSetup;
import dev.billforge.common.ProblemException;

/**
 * {@code java -jar <tenant>.jar accounts create-operator --email ops@example.com}:
 * creates (or promotes) the operator account, mails the one-time set-password link,
 * prints it too (whoever runs the command on the server is trusted with it) and exits 0;
 * a bad address exits 1. Runs as a non-web application
 * ({@link CreateOperatorEnvironment}). On the embedded default stop the app first (the
 * store's files are locked by a running app) or use the operator API.
 */
final class CreateOperatorCommand implements ApplicationRunner {

	static final List<String> COMMAND = List.of("accounts", "create-operator");

	private final MongoAccounts accounts;

	private final IntConsumer exit;

	CreateOperatorCommand(MongoAccounts accounts, IntConsumer exit) {
		this.accounts = accounts;
		this.exit = exit;
	}

	static boolean requested(List<String> nonOptionArgs) {
		return nonOptionArgs.size() >= 2 && nonOptionArgs.subList(0, 2).equals(COMMAND);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!requested(args.getNonOptionArgs())) {
			return;
		}
		exit.accept(run(email(args)));
	}

	/** 0 when the operator was created or promoted, 1 otherwise. */
	int run(String email) {
		if (email == null) {
			System.err.println("accounts create-operator FAILED: give the address: --email ops@example.com");
			return 1;
		}
		try {
			OperatorSetup setup = accounts.createOperator(email);
			System.out.println("Operator account " + setup.email() + ": set-password link mailed; it works once, until "
					+ setup.expiresAt() + ":");
			System.out.println("  " + setup.setPasswordLink());
			return 0;
		}
		catch (ProblemException ex) {
			System.err.println("accounts create-operator FAILED: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * {@code --email=x} or {@code --email x} (Spring reads the latter as an empty option
	 * plus an argument).
	 */
	private static String email(ApplicationArguments args) {
		List<String> values = args.getOptionValues("email");
		if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
			return values.get(0);
		}
		List<String> rest = args.getNonOptionArgs();
		return rest.size() > 2 ? rest.get(2) : null;
	}

}
