@echo off
rem Starts Switchboard on Windows. JAVA_HOME picks the Java runtime (17 or newer).
setlocal
set "SWITCHBOARD_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java") else (set "JAVA_CMD=java")
"%JAVA_CMD%" %SWITCHBOARD_OPTS% -Dswitchboard.home="%SWITCHBOARD_HOME%" -jar "%SWITCHBOARD_HOME%\lib\switchboard-launcher.jar" %*
exit /b %ERRORLEVEL%
