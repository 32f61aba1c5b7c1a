package org.citybridge.system.web;

import java.time.ZoneOffset;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;

import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.WebUtils;

/**
 * Adds what the layout needs to every rendered page, error pages included (they are rendered
 * through the same dispatcher): the language switcher, whether the portal runs on demo data, whether
 * the visitor is signed in ({@code signedIn}, for the account links), and the
 * zone the viewer chose ({@code readerZone}, from the {@link ViewerZone} cookie, else UTC) in which
 * {@code fragments/time :: moment} writes moments.
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
		// What the layout's account links depend on, worked out here once rather than by a security
		// expression parsed and evaluated in the template on every page (a twentieth of the lightest page).
		// A page's own "signedIn" (the agenda's) means the same and is left as it is.
		if (!modelAndView.getModel().containsKey("signedIn")) {
			modelAndView.addObject("signedIn", Actor.current().isSignedIn());
		}
		// The page's own path, for "sign in" links that bring the person back here afterwards.
		modelAndView.addObject("pagePath", request.getRequestURI().substring(request.getContextPath().length()));
		if (!modelAndView.getModel().containsKey("readerZone")) {
			Cookie cookie = WebUtils.getCookie(request, ViewerZone.COOKIE);
			modelAndView.addObject("readerZone",
					ViewerZone.parse(cookie == null ? null : cookie.getValue()).orElse(ZoneOffset.UTC));
		}
	}
}
