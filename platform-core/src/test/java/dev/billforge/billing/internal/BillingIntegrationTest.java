package dev.billforge.billing.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;

/**
 * A billing integration test: DocRouter's value metric (SPU, 100 free, 1 per page) and
 * the test catalog pushed to the in-process Stripe emulator, the app on a random port,
 * the billing jobs off (tests drive them; the common properties are in
 * {@code billing-integration-test.properties}), a {@link MutableClock} as the app's clock
 * (from the context's start; tests set it to their own start) and {@link EmulatorSteps}
 * for the emulator's test helpers. Classes with the same {@link #properties()} share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:billing-integration-test.properties")
@Import({ BillingIntegrationTest.Clocks.class, EmulatorSteps.class })
public @interface BillingIntegrationTest {

	/**
	 * Extra properties, {@code key=value}; they win over the common ones (e.g. another
	 * catalog).
	 */
	@AliasFor(annotation = TestPropertySource.class, attribute = "properties")
	String[] properties() default {};

	/**
	 * Not a @Configuration: platform-core's component scan of dev.billforge.billing would
	 * pick it up everywhere.
	 */
	class Clocks {

		@Bean
		@Primary
		MutableClock clock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}

	}

}
