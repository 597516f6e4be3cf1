# Builds Tutti's Windows installer (.msi) with jpackage. Run on Windows x64 in PowerShell from the repository root:
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-msi.ps1
# Needs: a JDK 25+ (JAVA_HOME), the WiX Toolset 3.x on PATH (candle.exe, light.exe), and tutti.jar built on
# Linux (its jar already carries native\win32-x86-64\tuttiopus.dll, cross-compiled with mingw-w64) or on
# Windows with MSYS2 mingw-w64 gcc in PATH (shared\src\main\native\build-opus-jni.sh runs under MSYS2 bash).
$ErrorActionPreference = "Stop"
$jar = "client\target\tutti.jar"
if (-not (Test-Path $jar)) { & .\mvnw.cmd -q -B -DskipTests package -pl client -am; if ($LASTEXITCODE) { exit 1 } }
$out = "installers\target"
Remove-Item -Recurse -Force "$out\input" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item $jar "$out\input\"
$version = "0.1.0"
& "$env:JAVA_HOME\bin\jpackage.exe" --type msi --name Tutti --app-version $version --vendor Tutti `
  --description "Play music together online in real time (Jamulus-compatible)" `
  --input "$out\input" --main-jar tutti.jar --main-class org.tutti.app.Main `
  --java-options "--enable-native-access=ALL-UNNAMED" `
  --add-modules "java.base,java.desktop,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.localedata" `
  --jlink-options --strip-debug --jlink-options --no-header-files --jlink-options --no-man-pages `
  --win-menu --win-menu-group Tutti --win-shortcut --win-dir-chooser --win-per-user-install `
  --win-upgrade-uuid "5b0c6f1e-3d55-4a8e-9f1a-2f6c1d7e9a41" `
  --dest $out
if ($LASTEXITCODE) { exit 1 }
Write-Host "built $(Get-ChildItem $out\*.msi)"
