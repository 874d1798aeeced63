package dev.billforge.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

class OtlpDecodingTest {

	@Test
	void jsonHexIdsArriveAsTheirBytes() {
		String json = """
				{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C",
				"spanId":"eee19b7ec3c1b174","parentSpanId":"","kind":2,"name":"x","unknown":1}]}]}]}""";
		ExportTraceServiceRequest request = OtlpFormat.JSON
			.parse(json.getBytes(StandardCharsets.UTF_8), ExportTraceServiceRequest.newBuilder(), 60)
			.build();
		var span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
		assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray()))
			.isEqualTo("5b8efff798038103d269b633813fc60c");
		assertThat(HexFormat.of().formatHex(span.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
		assertThat(span.getParentSpanId().isEmpty()).isTrue();
		assertThat(span.getKindValue()).isEqualTo(2);
	}

	@Test
	void aGzipBombIsReadOnlyUpToTheLimit() throws Exception {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(compressed)) {
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
		}
		// 64 MiB unpacked from about 64 KB: refused once the first MiB and one byte are
		// out
		assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(compressed.toByteArray()), -1, "gzip", 1 << 20))
			.isInstanceOfSatisfying(OtlpRejection.class, rejection -> assertThat(rejection.status()).isEqualTo(413));
	}

	@Test
	void theLimitHoldsForTheBodyAsSentAndUnpacked() throws Exception {
		byte[] exactly = new byte[1000];
		assertThat(OtlpBody.read(new ByteArrayInputStream(exactly), -1, null, 1000)).hasSize(1000);
		assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(new byte[1001]), -1, "identity", 1000))
			.isInstanceOf(OtlpRejection.class);
		assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(new byte[10]), 5000, null, 1000))
			.isInstanceOf(OtlpRejection.class);
		assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(new byte[10]), -1, "br", 1000))
			.isInstanceOfSatisfying(OtlpRejection.class, rejection -> assertThat(rejection.status()).isEqualTo(415));
	}

}
