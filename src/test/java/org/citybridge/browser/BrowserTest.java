package org.citybridge.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.citybridge.IntegrationTest;

import org.springframework.context.annotation.Import;

/** The portal on a random port over the test PostgreSQL, for real Chromium to visit. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Import({ FailingRoutes.class, FailingRoutes.Failures.class, GateScripts.class })
@interface BrowserTest {
}
