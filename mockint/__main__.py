from mockint.cli import main

main()
