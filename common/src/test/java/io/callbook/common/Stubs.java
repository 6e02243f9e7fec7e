package io.callbook.common;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in for a wide framework interface (a JAX-RS request context, a Vert.x request) of which the code under test
 * calls a few methods: those answer as given, any other call fails the test, so nothing is answered by accident.
 */
public final class Stubs {

    private Stubs() {
    }

    /** @param answers by method name, from the call's arguments */
    public static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stub";
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not stubbed");
        }));
    }
}
