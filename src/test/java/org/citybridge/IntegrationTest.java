package org.citybridge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on real PostgreSQL ({@link TestDatabase}), served on a random port so that
 * tests go through the real servlet container, error pages and compression included.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "citybridge.database.create-if-missing=false", "citybridge.demo.enabled=false", "citybridge.world.enabled=false",
				"citybridge.public-url=http://citybridge.test", "citybridge.messages.strict=true",
				"citybridge.passwords.bcrypt-strength=4",
				// The fixtures' forums lie in the past: the meeting-expiry round runs in the tests with a clock of their own.
				"citybridge.meeting-expiry.cron=-" })
@Import(TestDatabase.class)
public @interface IntegrationTest {
}
