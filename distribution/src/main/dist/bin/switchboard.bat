@echo off
rem Starts Switchboard on Windows. JAVA_HOME picks the Java runtime (17 or newer).
setlocal
set "SWITCHBOARD_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java") else (set "JAVA_CMD=java")
rem JIT, collector and heap as in bin/switchboard (see docs/performance-ingest.md); SWITCHBOARD_OPTS can override them.
set "JIT_GC_HEAP_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx256m -XX:MetaspaceSize=64m"
"%JAVA_CMD%" %JIT_GC_HEAP_OPTS% %SWITCHBOARD_OPTS% -Dswitchboard.home="%SWITCHBOARD_HOME%" -jar "%SWITCHBOARD_HOME%\lib\switchboard-launcher.jar" %*
exit /b %ERRORLEVEL%
