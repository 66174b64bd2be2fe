from statuspress.cli import main

main()
