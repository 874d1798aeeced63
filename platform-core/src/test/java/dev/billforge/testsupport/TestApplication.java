package dev.billforge.testsupport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A bare application for integration tests: all auto-configurations on the classpath
 * (platform-core's included), no component scan. Add test-specific beans with
 * {@code @Import} or nested configurations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

}
