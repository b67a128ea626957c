/**
 * {@code compose watch}: the services' {@code develop.watch} rules applied as their files change (files synced into
 * the containers, images rebuilt and containers recreated, services restarted), as Docker Compose applies them.
 */
package io.github.compose4j.watch;
