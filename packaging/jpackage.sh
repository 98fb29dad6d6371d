#!/usr/bin/env bash
# Builds a native installer (or an app image with --type app-image) from target/qubench.jar
# with the JDK's jpackage. Run `mvn -q package -DskipTests` first.
#   packaging/jpackage.sh [deb|rpm|dmg|msi|app-image]
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
[ -f target/qubench.jar ] || { echo "target/qubench.jar is missing: run mvn -q package -DskipTests" >&2; exit 1; }
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/qubench.jar target/jpackage-input/
"${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/jpackage" \
  --type "$type" \
  --name Qubench \
  --app-version "$version" \
  --vendor "Qubench" \
  --description "Desktop workbench for quantum circuits" \
  --input target/jpackage-input \
  --main-jar qubench.jar \
  --main-class io.qubench.Main \
  --icon assets/qubench.png \
  --java-options "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED" \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.incubator.vector,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
  --dest target/installer
echo "installer in target/installer"
