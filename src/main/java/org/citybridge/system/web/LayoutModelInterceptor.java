package org.citybridge.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Adds what the layout needs to every rendered page, error pages included (they are rendered
 * through the same dispatcher): the language switcher and whether the portal runs on demo data.
 */
class LayoutModelInterceptor implements HandlerInterceptor {

	private final boolean demo;

	LayoutModelInterceptor(Environment environment) {
		this.demo = environment.getProperty("citybridge.demo.enabled", Boolean.class, false);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getView() instanceof RedirectView
				|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		modelAndView.addObject("languageLinks",
				LanguageLinks.of(request, RequestContextUtils.getLocale(request)));
		modelAndView.addObject("demoMode", demo);
		// The page's own path, for "sign in" links that bring the person back here afterwards.
		modelAndView.addObject("pagePath", request.getRequestURI().substring(request.getContextPath().length()));
	}
}
