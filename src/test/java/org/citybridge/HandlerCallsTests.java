package org.citybridge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller handler binds the request, calls one service method and renders (issue 27): pages
 * that gather several reads have a page service that gathers them, and authorization lives in the
 * services' policies, not in the controller. Counts, for every handler, the calls to the portal's
 * beans (services, components, repositories), following the controller's own private helpers and
 * lambdas. Every handler is held to it, with no list of exceptions.
 */
class HandlerCallsTests {

	@Test
	void everyHandlerCallsAtMostOneServiceMethod() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.citybridge");
		Map<String, Integer> calls = new TreeMap<>();
		for (JavaClass type : classes) {
			if (!type.isMetaAnnotatedWith(Controller.class)) {
				continue;
			}
			for (JavaMethod method : type.getMethods()) {
				if (method.isMetaAnnotatedWith(RequestMapping.class)) {
					calls.put(type.getSimpleName() + "." + method.getName(), serviceCalls(type, method));
				}
			}
		}
		assertThat(calls).as("handlers found").hasSizeGreaterThan(100);
		Set<String> offending = new TreeSet<>();
		calls.forEach((handler, count) -> {
			if (count > 1) {
				offending.add(handler + " (" + count + " calls)");
			}
		});
		assertThat(offending).as("handlers calling more than one service method").isEmpty();
	}

	private static int serviceCalls(JavaClass controller, JavaMethod handler) {
		int count = 0;
		Set<JavaMethod> seen = new HashSet<>();
		Deque<JavaMethod> todo = new ArrayDeque<>(List.of(handler));
		while (!todo.isEmpty()) {
			JavaMethod method = todo.pop();
			if (!seen.add(method)) {
				continue;
			}
			for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
				JavaClass owner = call.getTargetOwner();
				if (owner.equals(controller)) {
					call.getTarget().resolveMember().ifPresent(target -> {
						if (!target.isMetaAnnotatedWith(RequestMapping.class)) {
							todo.push(target);
						}
					});
				}
				else if (isBean(owner) && !isStatic(call)) {
					count++;
				}
			}
		}
		return count;
	}

	private static boolean isStatic(JavaMethodCall call) {
		return call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
	}

	private static boolean isBean(JavaClass owner) {
		return owner.getPackageName().startsWith("org.citybridge")
				&& (owner.isMetaAnnotatedWith(Component.class) || owner.isAssignableTo(Repository.class));
	}
}
