@echo off
rem The dala command of an installed DALA Learner Profile (beside "DALA Learner Profile.exe" in the
rem install folder). Add the install folder to PATH, or call it by its full path from Task Scheduler:
rem   "C:\Program Files\DALA Learner Profile\dala.cmd" backups run
rem The app is a Windows GUI program, so its output is collected in files and shown here; the exit
rem code is the command's own (0 done, 1 failed or problems found, 2 bad arguments).
setlocal
set "DALA_CLI_OUT=%TEMP%\dala-cli-%RANDOM%%RANDOM%"
"%~dp0DALA Learner Profile.exe" --disable-gpu --cli %* 1>"%DALA_CLI_OUT%.out" 2>"%DALA_CLI_OUT%.err"
set "DALA_CLI_CODE=%ERRORLEVEL%"
type "%DALA_CLI_OUT%.out"
type "%DALA_CLI_OUT%.err" 1>&2
del "%DALA_CLI_OUT%.out" "%DALA_CLI_OUT%.err" >nul 2>&1
exit /b %DALA_CLI_CODE%
