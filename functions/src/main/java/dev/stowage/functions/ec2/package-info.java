/**
 * The EC2 adapters: instances launched and terminated for fleets, the tags that name them, the settings their launch
 * takes from the environment, and the check that a host's caller is the instance it reports for.
 */
@NullMarked
package dev.stowage.functions.ec2;

import org.jspecify.annotations.NullMarked;
