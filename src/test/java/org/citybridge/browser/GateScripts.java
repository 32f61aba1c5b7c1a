package org.citybridge.browser;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The scripts the browser tests load into the pages they check (axe-core, unpacked by the build
 * into the test classes' {@code static/gate/}), served by the test server at {@code /gate/}: the
 * portal itself maps only its own static folders.
 */
@TestConfiguration(proxyBeanMethods = false)
class GateScripts implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/gate/**").addResourceLocations("classpath:/static/gate/");
	}
}
