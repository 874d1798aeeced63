package dev.billforge.telemetry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * A running app with telemetry on and SigAgent-like charging (TC, 3 digits, 1,000 free;
 * span 0.01, trace 0.1, log record and data point 0.001, LLM cost 100 TC per USD) and a
 * small price table; a 1 MB body limit and 1,000 items per request keep the limit tests
 * fast. One context for all telemetry ITs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"billforge.product.tag=sig_agent", "billforge.value-metric.credit-name=TC", "billforge.value-metric.scale=3",
		"billforge.value-metric.free-tier=1000", "billforge.value-metric.meters.span.rate=0.01",
		"billforge.value-metric.meters.trace.rate=0.1", "billforge.value-metric.meters.log_record.rate=0.001",
		"billforge.value-metric.meters.data_point.rate=0.001", "billforge.value-metric.meters.llm_cost.rate=100",
		"billforge.telemetry.enabled=true", "billforge.telemetry.max-body-size=1MB",
		"billforge.telemetry.max-items-per-request=1000", "billforge.telemetry.prices.version=test-2026-12",
		"billforge.telemetry.prices.models[0].match=claude-sonnet-4", "billforge.telemetry.prices.models[0].input=3",
		"billforge.telemetry.prices.models[0].output=15", "billforge.telemetry.prices.models[0].cache-read=0.3",
		"billforge.telemetry.prices.models[1].match=gpt-4o", "billforge.telemetry.prices.models[1].input=2.5",
		"billforge.telemetry.prices.models[1].output=10", "billforge.telemetry.prices.models[1].cache-read=1.25" })
@Import(OtlpRequestCounter.class)
public @interface TelemetryIntegrationTest {

}
