package dev.billforge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A Spring Boot integration test on fresh storage: the embedded MongoDB server on a new
 * temporary data directory, or a new uniquely named database on the MongoDB in env
 * {@code MONGODB_URI} (dropped when the context closes). Boots {@link TestApplication}
 * unless {@link #classes()} says otherwise. The injectable {@link TestStorage} bean
 * describes the storage in use. Every MongoDB lookup the application sends must be served
 * by an index the changelogs declare: the class fails otherwise ({@link IndexCoverage}).
 * Classes run in parallel with classes on other contexts, never with one on the same
 * ({@link OneClassPerContext}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ResourceLock(providers = OneClassPerContext.class)
@ContextConfiguration(initializers = FreshStorageInitializer.class)
@TestExecutionListeners(listeners = IndexCoverageCheck.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface BillforgeIntegrationTest {

	/** Configuration classes to boot. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "classes")
	Class<?>[] classes() default { TestApplication.class };

	/** Extra properties, {@code key=value}. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

}
