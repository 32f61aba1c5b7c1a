package org.citybridge.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.citybridge.system.web.SecurityConfiguration;

/** What a web slice test needs of the floor: the real security rules and display names. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, DisplayNames.class })
public class SystemTestConfiguration {
}
