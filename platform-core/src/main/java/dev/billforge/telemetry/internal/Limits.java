package dev.billforge.telemetry.internal;

/** Per-request bounds on what one OTLP request may hold (see TelemetryProperties). */
record Limits(long maxBodyBytes, int maxItems, int maxAttributes, int maxDepth) {

	/**
	 * JSON nesting allowed: the OTLP envelope plus three JSON levels per nested attribute
	 * value.
	 */
	int maxJsonDepth() {
		return 12 + 3 * maxDepth;
	}

}
