; Inno Setup script: Quid's Windows installer, from the PyInstaller folder dist\quid\
; (`make package` on Windows, or pyinstaller packaging\quid.spec). Build it with
;
;   iscc packaging\windows\quid.iss
;
; AppName, AppVersion and the id must match app\__init__.py: tests\packaging checks that they do.
; AppId must never change: Windows finds an installed Quid, to upgrade or uninstall it, by it.

#define AppName "Quid"
#define AppVersion "0.1.0"
#define AppIdentifier "org.quidledger.Quid"
#define AppPublisher "The Quid developers"
#define AppExeName "quid-gui.exe"
#define SourceRoot "..\.."
; The installer's icon: the same quid.ico (16, 32, 48 and 256 pixels) that PyInstaller puts
; into the executables; resources\icons\render_icons.py makes it.
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\quid.ico"

[Setup]
AppId={{EC90931B-75FF-4EF5-AB1C-610DF2A31CE8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=Copyright (C) {#AppPublisher}; GPL-3.0-or-later
VersionInfoVersion={#AppVersion}
; Per user by default (no administrator rights needed); the person may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile={#SourceRoot}\LICENSE
OutputDir={#SourceRoot}\dist
OutputBaseFilename=Quid-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The vault (ledger.db and its key file) lives in the user's data folder, never in {app}: an
; uninstall leaves it alone.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceRoot}\dist\quid\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "{#AppIdentifier}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon; AppUserModelID: "{#AppIdentifier}"

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what Quid itself put in {app} at run time (Python byte-code caches); never the vault.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
