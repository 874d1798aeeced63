package dev.billforge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A billing scenario on a real port with the catalog {@code billing-chaos-catalog.yml}
 * (plans, a pack, trials, a per-seat plan, the promotion code {@code HALF}) and tax on,
 * credits named SPU. {@code WebhookChaosIT} and {@code BillingBrowserJourneyIT} share
 * this one Spring context (same annotation, same properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Links in mails from this server's own port (the embedded default's base URL).
		"billforge.public-base-url=", "billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU",
		"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1",
		"billforge.notifications.dispatch-interval=PT1H",
		"billforge.billing.catalog.location=classpath:billing-chaos-catalog.yml",
		"billforge.billing.jobs.enabled=false", "billforge.billing.tax.enabled=true",
		"logging.level.dev.billforge.billing=ERROR" })
public @interface BillingScenarioTest {

}
