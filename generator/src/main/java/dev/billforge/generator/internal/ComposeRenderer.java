package dev.billforge.generator.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders the root {@code docker-compose.yml} from the answers of every tenant
 * (docs/deploy.md): per tenant an image built by Maven (Jib, profile {@code image}), a
 * one-shot Keycloak provisioning run and, in the {@code demo} profile, its own Stripe
 * emulator; shared by all: a MongoDB single-node replica set, Keycloak in production mode
 * on its own PostgreSQL, an OpenTelemetry collector; the demo adds a mail catcher and
 * Jaeger. Every setting comes from variables: {@code .env} (from {@code .env.example}) in
 * production, {@code deploy/demo.env} for the demo. Secrets are never given a default
 * here. Fully generated, so adding or regenerating a tenant rewrites it
 * deterministically.
 */
public final class ComposeRenderer {

	public static final String FILE_NAME = "docker-compose.yml";

	/** Where the Jib-built images come from: {@code billforge/<module>:<version>}. */
	public static final String IMAGE_VERSION = "0.1.0-SNAPSHOT";

	public static final String MONGO_IMAGE = "mongo:7.0.14";

	public static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";

	public static final String POSTGRES_IMAGE = "postgres:17.6";

	public static final String COLLECTOR_IMAGE = "otel/opentelemetry-collector-contrib:0.139.0";

	public static final String JAEGER_IMAGE = "jaegertracing/jaeger:2.11.0";

	public static final String MAILPIT_IMAGE = "axllent/mailpit:v1.27.10";

	/**
	 * Methods the agent wraps in spans (its "methods" instrumentation), beyond HTTP and
	 * MongoDB.
	 */
	/** First published port of the per-tenant Stripe emulators (in module order). */
	static final int EMULATOR_PORT = 12111;

	private ComposeRenderer() {
	}

	public static String render(List<TenantAnswers> tenants) {
		return render(tenants, t -> Map.of());
	}

	/**
	 * @param productEnvironment per tenant, the variables its product configuration reads
	 * (name to default, null for none), passed through to its container
	 */
	public static String render(List<TenantAnswers> tenants,
			Function<TenantAnswers, Map<String, String>> productEnvironment) {
		StringBuilder y = new StringBuilder(16384);
		y.append(HEADER).append(SHARED_SERVICES);
		List<TenantAnswers> sorted = tenants.stream().sorted(Comparator.comparing(TenantAnswers::module)).toList();
		for (int i = 0; i < sorted.size(); i++) {
			TenantAnswers t = sorted.get(i);
			provisioning(y, t);
			tenant(y, t, productEnvironment.apply(t));
			emulator(y, t, EMULATOR_PORT + i);
		}
		y.append("volumes:\n  mongodb-data:\n  keycloak-db-data:\n  keycloak-themes:\n");
		for (TenantAnswers t : sorted) {
			y.append("  ").append(t.module()).append("-data:\n");
			y.append("  ").append(emulatorService(t)).append("-data:\n");
		}
		return y.toString();
	}

	static String emulatorService(TenantAnswers t) {
		return "stripe-emulator-" + t.applicationName();
	}

	private static String upper(TenantAnswers t) {
		return t.tag().toUpperCase(Locale.ROOT);
	}

	private static String image(TenantAnswers t) {
		return "billforge/" + t.module() + ":" + IMAGE_VERSION;
	}

	/** Keycloak settings shared by the tenant and its provisioning run. */
	private static void keycloakEnvironment(StringBuilder y, TenantAnswers t) {
		y.append("      KEYCLOAK_URL: ${KEYCLOAK_PUBLIC_URL}\n");
		y.append("      KEYCLOAK_BACKCHANNEL_URL: http://keycloak:8080\n");
		y.append("      KEYCLOAK_REALM: ").append(t.tag()).append('\n');
		y.append("      KEYCLOAK_CLIENT_SECRET: ${").append(upper(t)).append("_KEYCLOAK_CLIENT_SECRET}\n");
		y.append("      PUBLIC_BASE_URL: ${").append(upper(t)).append("_PUBLIC_BASE_URL}\n");
		y.append("      BILLFORGE_DATA_DIR: /data\n");
	}

	private static void provisioning(StringBuilder y, TenantAnswers t) {
		y.append("  provision-").append(t.applicationName()).append(":\n");
		y.append(
				"    # one-shot: creates or updates the realm, client, roles, first operator and login theme, then exits 0\n");
		y.append("    image: ").append(image(t)).append('\n');
		y.append("    restart: \"no\"\n");
		y.append("    depends_on:\n      keycloak:\n        condition: service_healthy\n");
		y.append("    environment:\n");
		y.append("      KEYCLOAK_PROVISION: \"true\"\n");
		keycloakEnvironment(y, t);
		y.append("      KEYCLOAK_ADMIN_USERNAME: ${KEYCLOAK_ADMIN_USERNAME}\n");
		y.append("      KEYCLOAK_ADMIN_PASSWORD: ${KEYCLOAK_ADMIN_PASSWORD}\n");
		y.append("      KEYCLOAK_THEMES_DIR: /keycloak-themes\n");
		y.append("      KEYCLOAK_OPERATOR_EMAIL: ${").append(upper(t)).append("_OPERATOR_EMAIL}\n");
		y.append("      KEYCLOAK_OPERATOR_PASSWORD: ${").append(upper(t)).append("_OPERATOR_PASSWORD}\n");
		y.append("      KEYCLOAK_SMTP_HOST: ${SMTP_HOST}\n");
		y.append("      KEYCLOAK_SMTP_PORT: ${SMTP_PORT}\n");
		y.append("      KEYCLOAK_SMTP_FROM: ${SMTP_FROM}\n");
		y.append("      KEYCLOAK_SMTP_USERNAME: ${SMTP_USERNAME}\n");
		y.append("      KEYCLOAK_SMTP_PASSWORD: ${SMTP_PASSWORD}\n");
		y.append("      KEYCLOAK_SMTP_STARTTLS: ${SMTP_STARTTLS}\n");
		y.append("    volumes:\n      - keycloak-themes:/keycloak-themes\n");
	}

	private static void tenant(StringBuilder y, TenantAnswers t, Map<String, String> productEnvironment) {
		String emulator = emulatorService(t);
		y.append("  ").append(t.module()).append(":\n");
		y.append("    # built by ./mvnw -B -Pimage -pl ")
			.append(t.module())
			.append(" -am -DskipTests package jib:dockerBuild\n");
		y.append("    image: ").append(image(t)).append('\n');
		y.append("    restart: unless-stopped\n");
		y.append("    depends_on:\n");
		y.append("      mongodb:\n        condition: service_healthy\n");
		y.append("      provision-")
			.append(t.applicationName())
			.append(":\n        condition: service_completed_successfully\n");
		y.append("      ").append(emulator).append(":\n        condition: service_healthy\n        required: false\n");
		y.append("    ports:\n      - \"").append(t.port()).append(':').append(t.port()).append("\"\n");
		y.append("    environment:\n");
		y.append("      PORT: \"").append(t.port()).append("\"\n");
		y.append("      MONGODB_URI: mongodb://mongodb:27017/").append(t.applicationName()).append("?replicaSet=rs0\n");
		keycloakEnvironment(y, t);
		y.append("      BILLFORGE_OPERATOR_TOKEN: ${BILLFORGE_OPERATOR_TOKEN}\n");
		y.append("      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}\n");
		y.append("      STRIPE_WEBHOOK_SECRET: ${").append(upper(t)).append("_STRIPE_WEBHOOK_SECRET}\n");
		y.append("      # demo only (STRIPE_EMULATOR=true): the emulator service instead of Stripe\n");
		y.append("      BILLFORGE_BILLING_EMULATOR_ENABLED: ${STRIPE_EMULATOR}\n");
		y.append("      BILLFORGE_BILLING_EMULATOR_URL: http://").append(emulator).append(":12111\n");
		y.append("      BILLFORGE_BILLING_EMULATOR_WEBHOOK_URL: http://")
			.append(t.module())
			.append(':')
			.append(t.port())
			.append("/stripe/webhook\n");
		y.append("      SPRING_MAIL_HOST: ${SMTP_HOST}\n");
		y.append("      SPRING_MAIL_PORT: ${SMTP_PORT}\n");
		y.append("      SPRING_MAIL_USERNAME: ${SMTP_USERNAME}\n");
		y.append("      SPRING_MAIL_PASSWORD: ${SMTP_PASSWORD}\n");
		y.append("      SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE: ${SMTP_STARTTLS}\n");
		y.append("      JAVA_TOOL_OPTIONS: -javaagent:/otel/opentelemetry-javaagent.jar\n");
		y.append("      OTEL_SERVICE_NAME: ").append(t.applicationName()).append('\n');
		y.append("      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318\n");
		y.append("      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n");
		y.append("      OTEL_METRICS_EXPORTER: none\n");
		y.append("      OTEL_LOGS_EXPORTER: none\n");
		y.append("      # JSON logs carrying the agent's trace_id/span_id (ecs, logstash or gelf; docs/deploy.md)\n");
		y.append("      LOGGING_STRUCTURED_FORMAT_CONSOLE: \"${LOG_FORMAT:-ecs}\"\n");
		for (Map.Entry<String, String> e : new java.util.TreeMap<>(productEnvironment).entrySet()) {
			y.append("      ")
				.append(e.getKey())
				.append(": ")
				.append(productVariable(e.getKey(), e.getValue()))
				.append('\n');
		}
		y.append("    healthcheck:\n");
		y.append("      test: [\"CMD\", \"bash\", \"-c\", \"exec 3<>/dev/tcp/127.0.0.1/")
			.append(t.port())
			.append(" && printf 'GET /actuator/health/readiness HTTP/1.0\\\\r\\\\n\\\\r\\\\n' >&3 && grep -q '\\\"UP\\\"' <&3\"]\n");
		y.append("      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 120s\n");
		y.append("    volumes:\n      - ").append(t.module()).append("-data:/data\n");
	}

	/**
	 * A product setting's variable: secrets never get a default, other settings keep the
	 * product's default.
	 */
	static String productVariable(String name, String defaultValue) {
		if (isSecretName(name) || defaultValue == null) {
			return "${" + name + "}";
		}
		return "\"${" + name + ":-" + defaultValue + "}\"";
	}

	/** Names that hold secrets by convention: never rendered with a default. */
	public static boolean isSecretName(String name) {
		return name.matches(".*(SECRET|PASSWORD|TOKEN|_KEY)$");
	}

	private static void emulator(StringBuilder y, TenantAnswers t, int port) {
		String name = emulatorService(t);
		y.append("  ").append(name).append(":\n");
		y.append("    # demo only: ")
			.append(t.name())
			.append("'s Stripe emulator (TEST MODE, payments are simulated)\n");
		y.append("    profiles: [\"demo\"]\n");
		y.append("    image: billforge/stripe-emulator:").append(IMAGE_VERSION).append('\n');
		y.append("    restart: unless-stopped\n");
		y.append(
				"    command: [\"--host\", \"0.0.0.0\", \"--port\", \"12111\", \"--state\", \"/data/stripe\", \"--public-url\", \"http://localhost:")
			.append(port)
			.append("\"]\n");
		y.append("    ports:\n      - \"").append(port).append(":12111\"\n");
		y.append("    healthcheck:\n");
		y.append("      test: [\"CMD\", \"bash\", \"-c\", \"exec 3<>/dev/tcp/127.0.0.1/12111\"]\n");
		y.append("      interval: 5s\n      timeout: 5s\n      retries: 10\n");
		y.append("    volumes:\n      - ").append(name).append("-data:/data\n");
	}

	private static final String HEADER = """
			# Generated by the Billforge generator from every tenant-*/tenant.yml; regenerate instead of editing.
			# How to run it (docs/deploy.md):
			#   images:     ./mvnw -B -Pimage -DskipTests package jib:dockerBuild
			#   demo:       docker compose --env-file deploy/demo.env --profile demo up -d   (no secrets needed)
			#   production: cp .env.example .env, fill in every secret, then docker compose up -d
			# Every value comes from the env file; secrets have no default here. Checked by ComposeFileTest.
			""";

	private static final String SHARED_SERVICES = """
			services:
			  mongodb:
			    image: %s
			    command: ["--replSet", "rs0", "--bind_ip_all"]
			    restart: unless-stopped
			    healthcheck:
			      # initiates the single-node replica set on first start; healthy once this node is primary
			      test: ["CMD", "mongosh", "--quiet", "--eval", "try { rs.status() } catch (e) { rs.initiate({_id: 'rs0', members: [{_id: 0, host: 'mongodb:27017'}]}) } if (!db.hello().isWritablePrimary) { quit(1) }"]
			      interval: 5s
			      timeout: 10s
			      retries: 30
			      start_period: 20s
			    volumes:
			      - mongodb-data:/data/db
			  keycloak-db:
			    image: %s
			    restart: unless-stopped
			    environment:
			      POSTGRES_DB: keycloak
			      POSTGRES_USER: keycloak
			      POSTGRES_PASSWORD: ${KEYCLOAK_DB_PASSWORD}
			    healthcheck:
			      test: ["CMD", "pg_isready", "-U", "keycloak", "-d", "keycloak"]
			      interval: 5s
			      timeout: 5s
			      retries: 20
			    volumes:
			      - keycloak-db-data:/var/lib/postgresql/data
			  keycloak:
			    image: %s
			    # production mode: browsers use KEYCLOAK_PUBLIC_URL (also the tokens' issuer), the apps call
			    # http://keycloak:8080 (KEYCLOAK_BACKCHANNEL_URL); put TLS in front of it in production
			    command: ["start", "--http-enabled=true", "--http-port=8080", "--health-enabled=true", "--proxy-headers=xforwarded", "--hostname-backchannel-dynamic=true"]
			    restart: unless-stopped
			    depends_on:
			      keycloak-db:
			        condition: service_healthy
			    environment:
			      KC_HOSTNAME: ${KEYCLOAK_PUBLIC_URL}
			      KC_DB: postgres
			      KC_DB_URL: jdbc:postgresql://keycloak-db:5432/keycloak
			      KC_DB_USERNAME: keycloak
			      KC_DB_PASSWORD: ${KEYCLOAK_DB_PASSWORD}
			      KC_BOOTSTRAP_ADMIN_USERNAME: ${KEYCLOAK_ADMIN_USERNAME}
			      KC_BOOTSTRAP_ADMIN_PASSWORD: ${KEYCLOAK_ADMIN_PASSWORD}
			    ports:
			      - "${KEYCLOAK_PORT}:8080"
			    healthcheck:
			      test: ["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /health/ready HTTP/1.0\\\\r\\\\n\\\\r\\\\n' >&3 && grep -q '\\"UP\\"' <&3"]
			      interval: 10s
			      timeout: 5s
			      retries: 30
			      start_period: 60s
			    volumes:
			      - keycloak-themes:/opt/keycloak/themes
			  otel-collector:
			    image: %s
			    command: ["--config=/etc/otelcol/config.yaml"]
			    restart: unless-stopped
			    environment:
			      OTEL_UPSTREAM_ENDPOINT: ${OTEL_UPSTREAM_ENDPOINT}
			    volumes:
			      - ${OTEL_COLLECTOR_CONFIG}:/etc/otelcol/config.yaml:ro
			  jaeger:
			    # demo only: the trace UI at http://localhost:16686
			    profiles: ["demo"]
			    image: %s
			    restart: unless-stopped
			    ports:
			      - "16686:16686"
			  mailpit:
			    # demo only: catches every mail; read them at http://localhost:8025
			    profiles: ["demo"]
			    image: %s
			    restart: unless-stopped
			    ports:
			      - "8025:8025"
			    healthcheck:
			      test: ["CMD", "/mailpit", "readyz"]
			      interval: 10s
			      timeout: 5s
			      retries: 5
			"""
		.formatted(MONGO_IMAGE, POSTGRES_IMAGE, KEYCLOAK_IMAGE, COLLECTOR_IMAGE, JAEGER_IMAGE, MAILPIT_IMAGE);

}
