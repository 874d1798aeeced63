package dev.billforge.telemetry.internal;

import java.io.IOException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.google.protobuf.Message;

import dev.billforge.orgs.OrgId;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OTLP/HTTP receiver: {@code POST /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}
 * with the org's API key as Bearer token (the machine API's security chain). Answers in
 * the request's encoding: 200 with the {@code Export…ServiceResponse} (and
 * {@code partial_success} when credits ran out part way), or a {@code google.rpc.Status}
 * — 400 bad data, 413 too large, 415 unknown type or encoding, 402 when no item could be
 * funded (not retried by exporters), 503 on a failure of ours (retried, which is safe:
 * every item is stored and charged once).
 */
@RestController
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
class OtlpController {

	private static final Logger log = LoggerFactory.getLogger(OtlpController.class);

	private final TelemetryIngest ingest;

	OtlpController(TelemetryIngest ingest) {
		this.ingest = ingest;
	}

	@PostMapping("/v1/traces")
	ResponseEntity<byte[]> traces(OrgId org, HttpServletRequest request) {
		return export(request, ExportTraceServiceRequest::newBuilder, (format, builder) -> {
			TelemetryIngest.Outcome outcome = ingest.traces(org, builder.build());
			return answer(format, outcome, () -> {
				var response = ExportTraceServiceResponse.newBuilder();
				if (outcome.rejected() > 0) {
					response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
						.setRejectedSpans(outcome.rejected())
						.setErrorMessage(outcome.message()));
				}
				return response.build();
			});
		});
	}

	@PostMapping("/v1/logs")
	ResponseEntity<byte[]> logs(OrgId org, HttpServletRequest request) {
		return export(request, ExportLogsServiceRequest::newBuilder, (format, builder) -> {
			TelemetryIngest.Outcome outcome = ingest.logs(org, builder.build());
			return answer(format, outcome, () -> {
				var response = ExportLogsServiceResponse.newBuilder();
				if (outcome.rejected() > 0) {
					response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
						.setRejectedLogRecords(outcome.rejected())
						.setErrorMessage(outcome.message()));
				}
				return response.build();
			});
		});
	}

	@PostMapping("/v1/metrics")
	ResponseEntity<byte[]> metrics(OrgId org, HttpServletRequest request) {
		return export(request, ExportMetricsServiceRequest::newBuilder, (format, builder) -> {
			TelemetryIngest.Outcome outcome = ingest.metrics(org, builder.build());
			return answer(format, outcome, () -> {
				var response = ExportMetricsServiceResponse.newBuilder();
				if (outcome.rejected() > 0) {
					response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
						.setRejectedDataPoints(outcome.rejected())
						.setErrorMessage(outcome.message()));
				}
				return response.build();
			});
		});
	}

	private <B extends Message.Builder> ResponseEntity<byte[]> export(HttpServletRequest request, Supplier<B> builder,
			BiFunction<OtlpFormat, B, ResponseEntity<byte[]>> handle) {
		OtlpFormat format = OtlpFormat.JSON;
		try {
			format = OtlpFormat.of(request.getContentType());
			Limits limits = ingest.limits();
			byte[] body = OtlpBody.read(request.getInputStream(), request.getContentLengthLong(),
					request.getHeader("Content-Encoding"), limits.maxBodyBytes());
			return handle.apply(format, format.parse(body, builder.get(), limits.maxJsonDepth()));
		}
		catch (OtlpRejection rejection) {
			return status(format, rejection.status(), rejection.rpcCode(), rejection.getMessage());
		}
		catch (IOException ex) {
			return status(format, 400, OtlpRejection.INVALID_ARGUMENT, "the request body could not be read");
		}
		catch (RuntimeException ex) {
			log.error("OTLP export failed on {}", request.getRequestURI(), ex);
			return status(format, 503, 14, "temporarily unavailable; retry (nothing is stored or charged twice)");
		}
	}

	private static ResponseEntity<byte[]> answer(OtlpFormat format, TelemetryIngest.Outcome outcome,
			Supplier<Message> response) {
		if (outcome.allRejected()) {
			return status(format, 402, OtlpRejection.RESOURCE_EXHAUSTED, outcome.message());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.body(format.print(response.get()));
	}

	private static ResponseEntity<byte[]> status(OtlpFormat format, int status, int code, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.body(format.status(code, message));
	}

}
