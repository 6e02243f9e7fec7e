package io.callbook.webhook;

import io.callbook.testsupport.ServiceNativeConfigurationTests;

/** The native configuration every service needs (see the base class); webhook reads nothing reflectively of its own. */
class NativeConfigurationIT extends ServiceNativeConfigurationTests {
}
